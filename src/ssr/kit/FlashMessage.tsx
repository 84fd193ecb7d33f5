export interface FlashMessageProps {
  text: string;
}

/**
 * The outcome of the last action ("Post added."), shown once on the page the
 * action redirected to. The layout renders it; controllers call `setFlash`.
 * `role="status"`: announced without interrupting.
 */
export function FlashMessage({ text }: FlashMessageProps) {
  return (
    <div className="flash" role="status">
      {text}
    </div>
  );
}
