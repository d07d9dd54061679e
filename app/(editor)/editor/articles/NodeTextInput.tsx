"use client";
import { useEffect, useState, type InputHTMLAttributes } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & { value: string; onValueChange: (value: string) => void };

/**
 * A text field inside a body node view (a figure's 图说 or 替代文字). It keeps what is typed itself
 * and passes every change to the node, so the caret never jumps when the node re-renders; an undo
 * that changes the node changes the field. Enter does not submit the article form around it.
 */
export function NodeTextInput({ value, onValueChange, onKeyDown, ...props }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValueChange(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.preventDefault();
        onKeyDown?.(event);
      }}
    />
  );
}
