/** Where the local API listens unless told otherwise: a fixed port, so local systems can be pointed at it once. */
export const DEFAULT_PORT = 4780
export const DEFAULT_HOST = '127.0.0.1'
