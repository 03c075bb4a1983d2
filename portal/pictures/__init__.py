"""Pictures on the portal's pages: the image library with photographer and licence, a picture
at the top of a page and as a block in its body, always with alternative text or marked
decorative, served as AVIF and WebP with a JPEG fallback (docs/pictures.md)."""
