/**
 * A schema compiler whose work is done when a route first uses the compiled function, not when the
 * server starts: Fastify compiles every route's validators and serializers before it listens, which
 * was the larger part of building this API (some eighty routes). Each function is compiled once,
 * from the same schema, by the same compiler; ajv's `errors` (which Fastify reads after a failed
 * validation) stay in view.
 */
export function compileOnFirstUse<Route, Compiled extends (data: never) => unknown>(compile: (route: Route) => Compiled) {
  return (route: Route): Compiled => {
    let compiled: Compiled | undefined
    const run = ((data: never) => (compiled ??= compile(route))(data)) as Compiled
    Object.defineProperty(run, 'errors', { get: () => (compiled as { errors?: unknown } | undefined)?.errors })
    return run
  }
}
