import type { NoticeList, ServiceLineList } from './catalogue'

// Kept apart from catalogue.ts (a module of zod schemas): the app's first chunk imports this, and
// a value imported from a module of schemas brings the schemas — and zod — with it.

/**
 * What the home page shows first, written by the server into the H5 page itself (a JSON block
 * with this id): in a browser the grid is drawn in the page's first render, with no request to
 * wait for. The mini-program has no such page and asks the API.
 */
export const SERVED_CATALOGUE_ID = 'lg-catalogue'
export type ServedCatalogue = ServiceLineList & NoticeList
