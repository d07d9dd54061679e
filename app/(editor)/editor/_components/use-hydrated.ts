"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates, true once the page's handlers are attached.
 * Controls that only work with JavaScript stay disabled (or absent) until then, so nothing typed,
 * clicked or chosen before hydration is silently lost.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
