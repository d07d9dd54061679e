"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRevisionAction } from "../../actions";

export function RestoreButton({ articleId, number, baseVersion }: { articleId: number; number: number; baseVersion: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreRevisionAction({ articleId, number, baseVersion });
            setMessage(result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        恢复此版本
      </button>
      {message && <span role="status">{message}</span>}
    </>
  );
}
