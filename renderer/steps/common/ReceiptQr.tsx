import { useEffect, useState } from 'react';

/** The receipt number as a QR code for the resident to photograph (drawn in the page: no network). */
export function ReceiptQr({ text, label }: { text: string; label: string }) {
  const [src, setSrc] = useState<string | undefined>();
  useEffect(() => {
    let stale = false;
    // qrcode is loaded with the first receipt that shows one, not with the first paint.
    void import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 320 })).then((url) => {
      if (!stale) setSrc(url);
    });
    return () => {
      stale = true;
    };
  }, [text]);
  return src ? <img className="receipt-qr" src={src} alt={label} data-qr-text={text} /> : <div className="receipt-qr" role="img" aria-label={label} aria-busy="true" />;
}
