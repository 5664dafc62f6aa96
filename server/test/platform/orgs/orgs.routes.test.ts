import { createTestApp, type TestApp } from '../../helpers/test-app'

describe('GET /api/orgs', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ demo: false })
  })
  afterAll(() => t.close())

  it('without parameters, then the city federation at the top', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/orgs' })
    expect(response.json().orgs).toEqual([{ id: 'lyg', parentId: null, name: '连云港市总工会', kind: 'city', pathNames: [] }])
  })

  it('with a parent, then its children, holding pool first', async () => {
    const districts = (await t.app.inject({ method: 'GET', url: '/api/orgs?parentId=lyg' })).json().orgs as Array<{
      id: string
      kind: string
    }>
    expect(districts.length).toBeGreaterThanOrEqual(6)
    expect(districts.every((org) => org.kind === 'district')).toBe(true)

    const haizhou = (await t.app.inject({ method: 'GET', url: '/api/orgs?parentId=lyg-haizhou' })).json().orgs as Array<{
      kind: string
      pathNames: string[]
    }>
    expect(haizhou[0]).toMatchObject({ kind: 'pool', pathNames: ['连云港市总工会', '海州区总工会'] })
  })

  it('with a search, then matching unions across the tree with where they sit', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('港口')}` })
    expect(response.json().orgs).toEqual([
      expect.objectContaining({ id: 'lyg-lianyun-port', name: '连云港港口集团工会', pathNames: ['连云港市总工会', '连云区总工会'] }),
    ])
  })

  it('treats % and _ in a search as plain text', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/orgs?q=${encodeURIComponent('%')}` })
    expect(response.json().orgs).toEqual([])
  })

  it('with an unknown parent, then 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/orgs?parentId=nowhere' })
    expect(response.statusCode).toBe(404)
    expect(response.json().code).toBe('NOT_FOUND')
  })
})
