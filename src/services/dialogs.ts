// Dialogs and toasts (Taro's modal and toast, in the app's colours). In the mini-program they are
// part of the package; the browser build takes dialogs.h5.ts instead, which loads them on first use.
export * from './taro-dialogs'
