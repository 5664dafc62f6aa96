/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID?: string
    /** Base URL of the cloud backend. Empty for H5 served by our own server (same origin). */
    TARO_APP_API_BASE?: string
    /** WeChat Cloud Run environment id; when set the mini-program calls the backend through callContainer. */
    TARO_APP_CLOUD_ENV?: string
    /** WeChat Cloud Run service name (X-WX-SERVICE). */
    TARO_APP_CLOUD_SERVICE?: string
    /** Subscribe-message template id for legal-aid case updates (the same one the server sends). */
    TARO_APP_SUBSCRIBE_TEMPLATE_CASE?: string
    /** Subscribe-message template id for membership review results (the same one the server sends). */
    TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP?: string
  }
}
