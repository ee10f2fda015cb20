/** What the seal routes answer, and how their fields are named in messages. */
import type crypto from 'node:crypto';
import type { Localized } from '../../events/vocabulary/index.js';
import { keyIdOf, publicKeyPem } from '../../events/store/seals.js';
import { Joi } from '../joi.js';

const hex = Joi.string().pattern(/^[0-9a-f]{64}$/);

export const sealSchema = Joi.object({
  sealId: Joi.string().guid().required(),
  position: Joi.string().required().description('the last event covered (inclusive)'),
  count: Joi.number().integer().min(1).required().description('events covered: every event in global order up to position'),
  root: hex.required().description('RFC 6962 Merkle tree hash (hex) over leaf = SHA-256(0x00 ‖ event hash bytes)'),
  signature: Joi.string().base64().required().description('Ed25519 (base64) over the UTF-8 text jxjy-seal/v1:<position>:<count>:<root>'),
  keyId: hex.required().description('SHA-256 (hex) of the signing public key, SPKI DER'),
  sealedAt: Joi.string().isoDate().required(),
}).label('Seal');

export const SEAL_LABELS: Readonly<Record<string, Localized>> = {
  sealId: { zh: '封存编号', en: 'Seal id' },
  eventId: { zh: '事件编号', en: 'Event id' },
  from: { zh: '起始封存', en: 'Older seal' },
  to: { zh: '目标封存', en: 'Newer seal' },
};

export const positionPattern = /^\d{20}:\d{20}$/;

const signers = new WeakMap<crypto.KeyObject, { publicKeyPem: string; keyId: string }>();

/** The published side of the seal key, worked out once per key. */
export function publicSide(key: crypto.KeyObject): { publicKeyPem: string; keyId: string } {
  let side = signers.get(key);
  if (!side) {
    side = { publicKeyPem: publicKeyPem(key), keyId: keyIdOf(key) };
    signers.set(key, side);
  }
  return side;
}
