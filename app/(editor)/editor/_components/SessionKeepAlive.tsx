"use client";
import { useEffect } from "react";

const PING_MS = 5 * 60 * 1000;

/**
 * Idle sessions end: the session cookie is renewed only while the person is active (typing or
 * clicking), by asking next-auth for the session, which re-issues the cookie with a new expiry.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let active = false;
    const markActive = () => (active = true);
    const timer = setInterval(() => {
      if (!active) return;
      active = false;
      void fetch("/api/auth/session", { cache: "no-store" }).catch(() => undefined);
    }, PING_MS);
    window.addEventListener("keydown", markActive);
    window.addEventListener("pointerdown", markActive);
    return () => {
      clearInterval(timer);
      window.removeEventListener("keydown", markActive);
      window.removeEventListener("pointerdown", markActive);
    };
  }, []);
  return null;
}
