// After "Mark held": the coachee's rating link as a QR code and a "Copy link" button, for use in the room.
import { useEffect, useId, useState } from "react";
import type { RatingLink } from "../types.ts";
import { formatDateTime } from "../ui/format.ts";

/** The link as an SVG QR code in a data: URL (the CSP allows images from data:); the encoder loads on demand. */
async function qrDataUrl(url: string): Promise<string> {
  const QRCode = (await import("qrcode")).default;
  const svg = await QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#1e2a2b", light: "#ffffff" },
  });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

interface RatingLinkPanelProps {
  link: RatingLink;
  coacheeName: string;
}

export function RatingLinkPanel({ link, coacheeName }: RatingLinkPanelProps) {
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const headingId = useId();
  const inputId = useId();

  useEffect(() => {
    let live = true;
    qrDataUrl(link.url).then(
      (dataUrl) => {
        if (live) setQr(dataUrl);
      },
      () => {
        // Without a QR code the link and "Copy link" still work.
        if (live) setQr(null);
      },
    );
    return () => {
      live = false;
    };
  }, [link.url]);

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied("Link copied.");
    } catch {
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
      setCopied("Copying is blocked in this browser: the link is selected, copy it with your keyboard.");
    }
  }

  return (
    <section className="rating-link" aria-labelledby={headingId}>
      <h3 id={headingId}>Rating link for {coacheeName}</h3>
      <p>
        {coacheeName} can rate this session now: scan the code with a phone, or open the link. It works once,
        until <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>. It has also been
        emailed.
      </p>
      <div className="rating-link-body">
        {qr !== null && (
          <img className="rating-qr" src={qr} alt={`QR code of ${coacheeName}'s rating link`} />
        )}
        <div className="rating-link-copy">
          <label htmlFor={inputId}>Rating link</label>
          <input
            id={inputId}
            type="text"
            readOnly
            value={link.url}
            onFocus={(event) => event.target.select()}
          />
          <div className="form-actions">
            <button type="button" className="button button-small button-secondary" onClick={copy}>
              Copy link
            </button>
            <p role="status" className="copy-status">
              {copied}
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}
