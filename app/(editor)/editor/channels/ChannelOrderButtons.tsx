"use client";
import { useState, useTransition } from "react";
import { moveChannelAction } from "./actions";

/** 上移 / 下移 for one row of the channel table. */
export function ChannelOrderButtons({ channel, isFirst, isLast }: { channel: { id: number; name: string }; isFirst: boolean; isLast: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const move = (direction: "up" | "down") =>
    startTransition(async () => {
      const result = await moveChannelAction({ channelId: channel.id, direction });
      setError(result.ok ? null : result.message);
    });
  return (
    <div className="row-actions">
      <button type="button" aria-label={`上移 ${channel.name}`} disabled={pending || isFirst} onClick={() => move("up")}>
        上移
      </button>
      <button type="button" aria-label={`下移 ${channel.name}`} disabled={pending || isLast} onClick={() => move("down")}>
        下移
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
