// The 组图 viewer's moves, apart from the component so they are tested alone. Pure.

/** The slide `delta` away from `index` among `count`, wrapping around at both ends. */
export function stepSlide(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}

/** A horizontal swipe at least this many CSS pixels long turns the slide; shorter ones are taps. */
export const SWIPE_DISTANCE = 40;

/** +1 (next) for a swipe to the left, -1 for one to the right, 0 for a tap or a mostly vertical move. */
export function swipeStep(dx: number, dy: number): -1 | 0 | 1 {
  if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) <= Math.abs(dy)) return 0;
  return dx < 0 ? 1 : -1;
}

/** The key's move: → next, ← previous, Home first, End last; null for any other key. */
export function keyMove(key: string, index: number, count: number): number | null {
  if (key === "ArrowRight") return stepSlide(index, 1, count);
  if (key === "ArrowLeft") return stepSlide(index, -1, count);
  if (key === "Home") return 0;
  if (key === "End") return Math.max(0, count - 1);
  return null;
}
