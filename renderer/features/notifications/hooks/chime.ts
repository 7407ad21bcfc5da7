let context: AudioContext | undefined

/**
 * A short two-note chime made with the Web Audio API (no sound file). Resolves whether it played:
 * a browser that has not seen a click on the page yet keeps audio suspended.
 */
export async function playChime(): Promise<boolean> {
  context ??= new AudioContext()
  if (context.state === 'suspended') await context.resume().catch(() => undefined)
  if (context.state !== 'running') return false
  const start = context.currentTime
  const volume = context.createGain()
  volume.gain.setValueAtTime(0.0001, start)
  volume.gain.exponentialRampToValueAtTime(0.15, start + 0.02)
  volume.gain.exponentialRampToValueAtTime(0.0001, start + 0.55)
  volume.connect(context.destination)
  for (const [frequency, offset] of [
    [880, 0],
    [1320, 0.12],
  ] as const) {
    const tone = context.createOscillator()
    tone.type = 'sine'
    tone.frequency.value = frequency
    tone.connect(volume)
    tone.start(start + offset)
    tone.stop(start + 0.55)
  }
  return true
}
