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
    /** The one subscribe-message template for status updates of every line (the same one the server sends). */
    TARO_APP_SUBSCRIBE_TEMPLATE_STATUS?: string
    /** Per-topic override for legal-aid case updates (topic `legal_aid`). */
    TARO_APP_SUBSCRIBE_TEMPLATE_CASE?: string
    /** Per-topic override for membership review results (topic `membership`). */
    TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP?: string
  }
}
