// Which image format a logo is, from its file signature.
export function logoType(bytes: Uint8Array): 'png' | 'jpeg' | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('hex');
  if (head === '89504e470d0a1a0a') return 'png';
  if (head.startsWith('ffd8ff')) return 'jpeg';
  return null;
}
