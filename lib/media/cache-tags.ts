// Cache tag of a photo: pages that show a photo carry it, so a change of its details or file
// reaches readers. The article integration tags its pages with it.

export function photoTag(photoId: number): string {
  return `photo-${photoId}`;
}
