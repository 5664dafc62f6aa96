// Globals the Taro H5 runtime expects from its build.
process.env.TARO_ENV = 'h5'
global.ENABLE_INNER_HTML = true
global.ENABLE_ADJACENT_HTML = true
global.ENABLE_SIZE_APIS = true
global.ENABLE_TEMPLATE_CONTENT = true
global.ENABLE_CLONE_NODE = true
global.ENABLE_CONTAINS = true
global.ENABLE_MUTATION_OBSERVER = true
global.DEPRECATED_ADAPTER_COMPONENT = false
