import { isDeepStrictEqual } from 'node:util'
import fastJson, { type Schema } from 'fast-json-stringify'
import type { FastifySerializerCompiler } from 'fastify'
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod'
import { $ZodType, toJSONSchema } from 'zod/v4/core'

type JsonSchema = Record<string, unknown>
type SerializerCompiler = Parameters<typeof zodSerializerCompiler>[0]
type Serialize = (data: unknown) => string

/**
 * `anyOf: [X, null]` as `type: [X, 'null']`: fast-json-stringify picks an `anyOf` branch by
 * validating the value against each (slow), but reads a type list by a plain null check.
 */
function forFastJson(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forFastJson)
  if (!node || typeof node !== 'object') return node
  const schema = Object.fromEntries(
    Object.entries(node as JsonSchema)
      .filter(([key]) => key !== '$schema')
      .map(([key, value]) => [key, forFastJson(value)]),
  ) as JsonSchema
  const branches = schema.anyOf
  if (Array.isArray(branches) && branches.length === 2) {
    const nullIndex = branches.findIndex((branch: JsonSchema) => branch.type === 'null' && Object.keys(branch).length === 1)
    const other = branches[1 - nullIndex] as JsonSchema | undefined
    if (nullIndex >= 0 && other && typeof other.type === 'string' && other.anyOf === undefined && other.const === undefined) {
      const { anyOf: _anyOf, ...rest } = schema
      return { ...rest, ...other, type: [other.type, 'null'] }
    }
  }
  return schema
}

/** The response schema of a route as a compiled fast-json-stringify function, or undefined if it has no JSON Schema form. */
function compileFast(schema: $ZodType): Serialize | undefined {
  try {
    const jsonSchema = toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' })
    return fastJson(forFastJson(jsonSchema) as Schema) as Serialize
  } catch {
    return undefined
  }
}

/** Where two parsed JSON values first differ, as a path (for the message of a failed check). */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const left = (a as JsonSchema)[key]
      const right = (b as JsonSchema)[key]
      if (!isDeepStrictEqual(left, right)) return firstDifference(left, right, `${path}.${key}`)
    }
  }
  return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`
}

/**
 * Responses written by fast-json-stringify compiled from each route's zod response schema:
 * zod's encode plus `JSON.stringify` was a fifth of a list read's CPU. fast-json-stringify
 * writes only the schema's fields, as zod did, but checks no types. So where `verify` is on
 * (everywhere but production, so in every test), each response is also encoded by zod as before:
 * a response zod refuses still fails, and one the two write differently fails with the path
 * where they differ. A schema with no JSON Schema form keeps zod's serializer.
 */
export function responseSerializerCompiler({ verify }: { verify: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const checked = zodSerializerCompiler(route as SerializerCompiler) as Serialize
    const schema = route.schema as $ZodType | { properties?: unknown }
    const zodSchema = schema instanceof $ZodType ? schema : schema.properties
    const fast = zodSchema instanceof $ZodType ? compileFast(zodSchema) : undefined
    if (!fast) return checked
    if (!verify) return fast
    return (data) => {
      const expected = checked(data)
      const written = fast(data)
      const [left, right] = [JSON.parse(written) as unknown, JSON.parse(expected) as unknown]
      if (!isDeepStrictEqual(left, right))
        throw new Error(`fast response serializer differs from zod on ${route.method} ${route.url}: ${firstDifference(left, right)}`)
      return written
    }
  }
}
