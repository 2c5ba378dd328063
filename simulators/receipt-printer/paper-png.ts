import type { Receipt } from '../../devices/receipt-printer/contract.js';
import { encodeReceipt } from '../../devices/receipt-printer/drivers/escpos-receipt.js';
import { logoBitmap } from '../../devices/receipt-printer/drivers/logo.js';
import { EscPosInterpreter } from './escpos-interpreter.js';
import { type PrintOp, receiptText, renderReceiptPng } from './render-receipt.js';

/**
 * A receipt as the paper holds it: through the real ESC/POS encoder and back through the
 * simulator's interpreter, then drawn (the printed-receipt viewer, the receipt tests). The in-process
 * printer keeps receipts as data; this is what a serial printer would have put on paper.
 */
export async function receiptOnPaper(receipt: Receipt, columns = 48): Promise<{ text: string; ops: PrintOp[] }> {
  const bytes = encodeReceipt(receipt, { columns, logo: await logoBitmap() });
  const ops = new EscPosInterpreter().push(bytes).filter((op): op is PrintOp => op.kind === 'line' || op.kind === 'raster' || op.kind === 'qr');
  return { text: receiptText(ops), ops };
}

export async function receiptPng(receipt: Receipt, columns = 48): Promise<Buffer> {
  return renderReceiptPng((await receiptOnPaper(receipt, columns)).ops);
}
