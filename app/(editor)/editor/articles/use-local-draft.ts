"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// Written often enough that a crash or closed tab loses at most a few seconds of typing.
const DRAFT_INTERVAL_MS = 5000;

type StoredDraft<T> = { input: T; savedAt: number };

/**
 * Keeps a copy of the form in localStorage while it differs from what the server has, and offers
 * (never applies) a copy that is newer than the stored version when the form opens.
 */
export function useLocalDraft<T>(key: string, input: T, savedJson: string, serverUpdatedAt: string | null) {
  const [offer, setOffer] = useState<StoredDraft<T> | null>(null);
  const latest = useRef({ input, savedJson });
  latest.current = { input, savedJson };

  useEffect(() => {
    const stored = read<T>(key);
    const serverTime = serverUpdatedAt ? Date.parse(serverUpdatedAt) : 0;
    if (stored && JSON.stringify(stored.input) !== latest.current.savedJson && stored.savedAt > serverTime) setOffer(stored);
  }, [key, serverUpdatedAt]);

  const write = useCallback(() => {
    const json = JSON.stringify(latest.current.input);
    if (json === latest.current.savedJson) return;
    try {
      localStorage.setItem(key, JSON.stringify({ input: latest.current.input, savedAt: Date.now() }));
    } catch {
      // Storage full or refused: the form itself still holds the text.
    }
  }, [key]);

  useEffect(() => {
    const timer = setInterval(write, DRAFT_INTERVAL_MS);
    window.addEventListener("pagehide", write);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", write);
    };
  }, [write]);

  return {
    offer,
    /** Writes the draft now (a save failed: the text must survive a reload). */
    keep: write,
    dismiss: () => {
      localStorage.removeItem(key);
      setOffer(null);
    },
    accept: () => setOffer(null),
    clear: () => localStorage.removeItem(key),
  };
}

function read<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft<T>) : null;
  } catch {
    return null;
  }
}
