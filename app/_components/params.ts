/** Route ids are positive whole numbers; anything else is "not found", never an error. */
export function parseIdParam(value: string): number | null {
  return /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}
