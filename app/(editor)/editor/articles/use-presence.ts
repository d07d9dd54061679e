"use client";
import { useEffect, useState } from "react";

const HEARTBEAT_MS = 10_000;

/** Announces that this tab has the article open and returns who else does. */
export function usePresence(articleId: number | null): string[] {
  const [editors, setEditors] = useState<string[]>([]);
  useEffect(() => {
    if (!articleId) return;
    const beat = async () => {
      const response = await fetch("/api/presence", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ articleId }) }).catch(() => null);
      if (response?.ok) setEditors(((await response.json()) as { editors: string[] }).editors);
    };
    const leave = () => navigator.sendBeacon("/api/presence", new Blob([JSON.stringify({ articleId, leave: true })], { type: "application/json" }));
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [articleId]);
  return editors;
}
