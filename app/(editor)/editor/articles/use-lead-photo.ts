"use client";
import { useEffect, useState } from "react";
import type { PhotoDto } from "@/lib/media/dto";
import type { CreditValue } from "../_components/CreditField";
import { saveLeadCreditAction } from "./actions";

export function creditOf(photo: PhotoDto | null): CreditValue {
  return { author: photo?.creditAuthor ?? null, text: photo?.creditAuthor ? "" : (photo?.creditText ?? "") };
}

function sameCredit(a: CreditValue, b: CreditValue): boolean {
  return (a.author?.id ?? null) === (b.author?.id ?? null) && a.text.trim() === b.text.trim();
}

/**
 * The 题图 as the library has it (files, credit, what the viewer may change) beside the form's
 * `lead`, and its 摄影 as typed. A lead whose photo the form does not know yet (a restored draft)
 * is read from the library. The credit belongs to the photo: saving it is a change to the library.
 */
export function useLeadPhoto(initial: PhotoDto | null, leadPhotoId: number | null) {
  const [photo, setPhoto] = useState(initial);
  const [credit, setCredit] = useState(() => creditOf(initial));
  const [savedCredit, setSavedCredit] = useState(() => creditOf(initial));
  const [missingId, setMissingId] = useState<number | null>(null);

  function choose(next: PhotoDto | null) {
    setPhoto(next);
    setCredit(creditOf(next));
    setSavedCredit(creditOf(next));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the chosen photo id changes, not when the loaded photo does
  useEffect(() => {
    if (leadPhotoId === null || photo?.id === leadPhotoId || missingId === leadPhotoId) return;
    let current = true;
    fetch(`/api/media/${leadPhotoId}`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ photo: PhotoDto }>) : null))
      .catch(() => null)
      .then((body) => {
        if (!current) return;
        if (body?.photo) choose(body.photo);
        else setMissingId(leadPhotoId);
      });
    return () => {
      current = false;
    };
  }, [leadPhotoId, photo?.id, missingId]);

  const known = photo !== null && photo.id === leadPhotoId ? photo : null;
  const creditChanged = Boolean(known?.can.edit) && !sameCredit(credit, savedCredit);

  /** Saves a changed 摄影 on the photo; answers the action's result, or null when there was nothing to save. */
  async function saveCredit() {
    if (!known || !creditChanged) return null;
    const result = await saveLeadCreditAction({ photoId: known.id, creditAuthorId: credit.author?.id ?? null, creditText: credit.author ? "" : credit.text });
    if (result.ok) choose(result.data.photo);
    return result;
  }

  return { photo: known, missing: leadPhotoId !== null && missingId === leadPhotoId, choose, credit, setCredit, creditChanged, saveCredit };
}
export type LeadPhotoState = ReturnType<typeof useLeadPhoto>;
