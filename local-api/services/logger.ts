import type { FastifyBaseLogger } from 'fastify'

/**
 * The one logger: the server's pino logger, handed to each service as a child that names it
 * (`app.log.child({ service: 'delivery' })`). Services never log to the console.
 */
export type Logger = FastifyBaseLogger

/** For services made without a server (the CLI's sync, tests, benches): says nothing. */
export function silentLogger(): Logger {
  const quiet = () => {}
  const logger: Logger = {
    level: 'silent',
    fatal: quiet,
    error: quiet,
    warn: quiet,
    info: quiet,
    debug: quiet,
    trace: quiet,
    silent: quiet,
    child: () => logger,
  }
  return logger
}
