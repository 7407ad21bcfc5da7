import type { Server } from 'node:http'

/**
 * Closes a connection that sends nothing at all within `ms` of opening. Node's headers and request
 * timeouts start with the first byte of a request, so a client that connects and stays silent would
 * otherwise hold its socket for good. The clock stops at the first request: a response in progress
 * (the event stream included) is never cut by it; idle keep-alive connections have their own timeout.
 */
export function closeSilentConnections(server: Server, ms: number): void {
  server.on('connection', (socket) => socket.setTimeout(ms))
  server.on('request', (request) => request.socket.setTimeout(0))
}
