export { Attachments } from './attachments'
export { FilePicker, Thumb } from './file-picker'
export { filesReady, type FileItem } from './files'
