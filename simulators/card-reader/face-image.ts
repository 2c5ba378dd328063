/**
 * A tiny valid greyscale JPEG (24×32 px, 317 bytes): a head-and-shoulders silhouette, enough for
 * code that checks the magic bytes or shows the picture. Generated once with Pillow; no real face.
 */
const FACE_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXz/' +
  'wAALCAAgABgBAREA/8QAFwAAAwEAAAAAAAAAAAAAAAAAAwUGBP/EACYQAAIBAwMEAQUAAAAAAAAAAAECAwAEEQUSIRMxQVGBYXGRocH/2gAIAQEAAD8ApHYI' +
  'jOxwqjJP0pO+tSdU7I16eeAe+KbQTLPEsiZ2t7oOpKXsJQoycA/AOTU5T3RlK2ZJHDOSPtwP5Wq6uYrSBpZmwo8eSfQqZkv7Vp2dbV9u7IXqgA/GOPzVFY3k' +
  'F5Dut+AvBQjBX1xU3rVy1xqEg3NsjOxVPjHf91go9jctaXUcqswAI3AeV8iv/9k=';

/** A fresh copy each call, so no caller can alter another's picture. */
export function faceJpeg(): Uint8Array {
  return decodeBase64(FACE_JPEG_BASE64);
}

// atob is a global in Node 20 and browsers; no Buffer, so the simulator stays free of Node built-ins.
function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
