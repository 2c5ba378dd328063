import type { PaymentMethod } from '../../shared/kiosk-api/schemas/service-results.js';
import type { PickupPlace, ServiceId } from '../../shared/kiosk-api/schemas/service-id.js';

/**
 * What the application receipt prints, in Macau's two official languages: the printer has no locale
 * of the screen, and a counter clerk of either language must read it. Each record is exhaustive over
 * its ids, so a new service, place or payment method cannot reach the paper without its words.
 */
export interface Bilingual {
  zh: string;
  pt: string;
}

/** The service as a document's name, not the menu's call to action. */
export const SERVICE_ON_RECEIPT: Readonly<Record<ServiceId, Bilingual>> = {
  'renew-permanent': { zh: '永久性居民身份證續期', pt: 'Renovação do BIR permanente' },
  'renew-nonpermanent': { zh: '非永久性居民身份證續期', pt: 'Renovação do BIR não permanente' },
  'kinship-certificate': { zh: '親屬關係證明書', pt: 'Certidão de relação de parentesco' },
  'kinship-verification': { zh: '核實親屬關係', pt: 'Confirmação de relação de parentesco' },
  'contact-change': { zh: '更改聯絡資料', pt: 'Alteração dos dados de contacto' },
  'marital-status-married': { zh: '更改婚姻狀況為已婚', pt: 'Alteração do estado civil para casado' },
  'personal-data-certificate': { zh: '個人資料證明書', pt: 'Certificado de dados pessoais' },
  'card-authenticity': { zh: '查核身份證真偽', pt: 'Verificação da autenticidade do BIR' },
  'chip-data-print': { zh: '打印晶片內的個人資料', pt: 'Impressão dos dados do chip' },
  'queue-ticket': { zh: '取籌', pt: 'Senha' },
  'document-pickup': { zh: '領取證件', pt: 'Levantamento de documento' },
};

/**
 * The pickup place's name. Its address is not here: it comes with the PickupOption from the host's
 * pickup table (config/pickup.json), the same string the screens show.
 */
export const PICKUP_ON_RECEIPT: Readonly<Record<PickupPlace, Bilingual>> = {
  hq: { zh: '身份證明局總部', pt: 'Sede da DSI' },
  'government-services-building': { zh: '政府綜合服務大樓', pt: 'Centro de Serviços da RAEM' },
  'islands-centre': { zh: '離島政府綜合服務中心', pt: 'Centro de Serviços das Ilhas' },
  hengqin: { zh: '橫琴自助服務站', pt: 'Posto de Hengqin' },
  'smart-locker': { zh: '智取易智能文件櫃', pt: 'Cacifo inteligente' },
};

export const PAYMENT_ON_RECEIPT: Readonly<Record<PaymentMethod, Bilingual>> = {
  'macau-pass': { zh: '澳門通', pt: 'Macau Pass' },
  'unionpay-quickpass': { zh: '銀聯雲閃付', pt: 'UnionPay QuickPass' },
  govpay: { zh: '政付通', pt: 'GovPay' },
};
