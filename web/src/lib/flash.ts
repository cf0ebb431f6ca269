// A one-time message for the next page ("Đã tạo đơn vị"): set before navigating to `path`, shown
// by that page once. Kept in memory only: a reload or another page does not show it again.
import { useEffect, useState } from 'react';

const messages = new Map<string, string>();

export function setFlash(path: string, message: string): void {
  messages.set(path, message);
}

/** The message left for `path`, if any; it is forgotten once the page has shown it. */
export function useFlash(path: string): string | undefined {
  const [message] = useState(() => messages.get(path));
  useEffect(() => {
    messages.delete(path);
  }, [path]);
  return message;
}
