"use client";
import { useEffect, useState } from "react";
import { LARGE_TYPE_KEY } from "./large-type";

export function LargeTypeToggle() {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => setEnabled(document.documentElement.dataset.largeType === "on"), []);

  function toggle() {
    const next = !enabled;
    document.documentElement.dataset.largeType = next ? "on" : "off";
    try {
      localStorage.setItem(LARGE_TYPE_KEY, next ? "on" : "off");
    } catch {
      // Private browsing may refuse storage; the switch still works for this page.
    }
    setEnabled(next);
  }

  return (
    <button type="button" className="large-type-toggle" aria-pressed={enabled} onClick={toggle} title="切换大字阅读">
      大字
    </button>
  );
}
