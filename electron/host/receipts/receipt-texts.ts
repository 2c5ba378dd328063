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
 * Where the document is collected, with the address a resident can walk to (seeds 003 and 004).
 * Portuguese street names are the official ones; Hengqin's window has no official Portuguese
 * address in the seeds, so only its Chinese one is printed.
 */
export const PICKUP_ON_RECEIPT: Readonly<Record<PickupPlace, Bilingual & { addressZh: string; addressPt: string | null }>> = {
  hq: {
    zh: '身份證明局總部',
    pt: 'Sede da DSI',
    addressZh: '澳門南灣大馬路804號中華廣場一樓',
    addressPt: 'Avenida da Praia Grande, n.º 804, Edifício China Plaza, 1.º andar',
  },
  'government-services-building': {
    zh: '政府綜合服務大樓',
    pt: 'Centro de Serviços da RAEM',
    addressZh: '澳門黑沙環新街52號政府綜合服務大樓二樓R區',
    addressPt: 'Rua Nova da Areia Preta, n.º 52, 2.º andar, zona R',
  },
  'islands-centre': {
    zh: '離島政府綜合服務中心',
    pt: 'Centro de Serviços das Ilhas',
    // 氹仔 (Taipa) is left out: 氹 is an HKSCS character outside Big5, which the printer's Kanji
    // mode cannot print (it would come out as a question mark). The Portuguese line names Taipa.
    addressZh: '澳門哥英布拉街225號三樓D區',
    addressPt: 'Rua de Coimbra, n.º 225, 3.º andar, zona D, Taipa',
  },
  hengqin: {
    zh: '橫琴自助服務站',
    pt: 'Posto de Hengqin',
    addressZh: '橫琴港澳大道868號(2號樓)',
    addressPt: null,
  },
  'smart-locker': {
    zh: '智取易智能文件櫃',
    pt: 'Cacifo inteligente',
    addressZh: '政府24小時自助服務中心',
    addressPt: 'Centro de autoatendimento 24 horas',
  },
};

export const PAYMENT_ON_RECEIPT: Readonly<Record<PaymentMethod, Bilingual>> = {
  'macau-pass': { zh: '澳門通', pt: 'Macau Pass' },
  'unionpay-quickpass': { zh: '銀聯雲閃付', pt: 'UnionPay QuickPass' },
  govpay: { zh: '政付通', pt: 'GovPay' },
};
