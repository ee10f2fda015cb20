/**
 * Evidence for a record (附件材料): upload (multipart field `file`, ≤ 10 MB or 413, PDF/JPEG/PNG judged by the bytes or
 * 415), stored once by its SHA-256 in the file store; removal while the record is editable; download for the owner,
 * the reviewing unit, admin and auditors, with an RFC 6266 filename that keeps Chinese names.
 */
import crypto from 'node:crypto';
import Boom from '@hapi/boom';
import type { ServerRoute } from '@hapi/hapi';
import { FileStoreUnavailableError } from '../../events/store/files/file-store.js';
import { attachUpdate, creditWorkflowId, detachUpdate } from '../../workflows/credits/messages.js';
import { NotFoundError, PayloadTooLargeError, UnavailableError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import { contentDisposition, cleanFilename } from '../files/filenames.js';
import { EXTENSION, sniffEvidence } from '../files/sniff.js';
import { Joi } from '../joi.js';
import { sendCommand } from '../lifecycles.js';
import { requireApprovedOrg } from '../orgs/org-access.js';
import { eventMetadata } from '../request-context.js';
import { loadOwnRecord, loadRecord, mayRead, recordBody } from './record-access.js';
import { attachmentSchema, recordSchema } from './schemas.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const TOO_LARGE = { zh: '附件不能超过 10 MB', en: 'an attachment may be at most 10 MB' };
const WRONG_TYPE = { zh: '附件只能是 PDF、JPEG 或 PNG 文件', en: 'an attachment must be a PDF, JPEG or PNG file' };
const NO_FILE = { zh: '请选择要上传的文件', en: 'choose a file to upload' };
const STORAGE_DOWN = { zh: '文件存储暂时不可用，请稍后再试', en: 'file storage is unavailable; try again later' };

interface FilePart {
  filename?: string;
  payload: Buffer;
}

const params = Joi.object({ recordId: Joi.string().guid().required() });

export const uploadRoute: ServerRoute<{ Params: { recordId: string }; Payload: { file?: FilePart | string } }> = {
  method: 'POST',
  path: '/credit-records/{recordId}/attachments',
  options: {
    description: 'Attach evidence to my record',
    notes: 'multipart/form-data, field `file`; PDF, JPEG or PNG by content (415 otherwise), at most 10 MB (413).',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    plugins: { jxjy: { successStatus: 201 } },
    payload: {
      output: 'data',
      parse: true,
      multipart: { output: 'annotated' },
      allow: ['multipart/form-data'],
      // Room for the multipart framing around a file of exactly the limit.
      maxBytes: MAX_ATTACHMENT_BYTES + 64 * 1024,
      failAction: (_request, _h, error) => {
        if (Boom.isBoom(error) && error.output.statusCode === 413) throw new PayloadTooLargeError(TOO_LARGE, { details: [{ field: 'file', message: TOO_LARGE }] });
        if (Boom.isBoom(error) && error.output.statusCode === 415) throw new UnsupportedMediaTypeError(WRONG_TYPE, { details: [{ field: 'file', message: WRONG_TYPE }] });
        throw error ?? Boom.badRequest();
      },
    },
    // The part itself is judged in the handler (its bytes, its size); the schema names the one field for the docs.
    validate: { params, payload: Joi.object({ file: Joi.any().description('the file: PDF, JPEG or PNG, at most 10 MB') }) },
    response: { status: { 201: attachmentSchema.keys({ position: Joi.string().required() }).label('AttachmentAdded') } },
    handler: async (request, h) => {
      const { files } = request.server.app.deps;
      const part = request.payload?.file;
      if (!part || typeof part === 'string' || !Buffer.isBuffer(part.payload) || part.payload.length === 0) {
        throw new ValidationError(NO_FILE, { details: [{ field: 'file', message: NO_FILE }] });
      }
      if (part.payload.length > MAX_ATTACHMENT_BYTES) throw new PayloadTooLargeError(TOO_LARGE, { details: [{ field: 'file', message: TOO_LARGE }] });
      const contentType = sniffEvidence(part.payload);
      if (!contentType) throw new UnsupportedMediaTypeError(WRONG_TYPE, { details: [{ field: 'file', message: WRONG_TYPE }] });
      const { state } = await loadOwnRecord(request, request.params.recordId);
      let stored;
      try {
        stored = await files.put(new Uint8Array(part.payload));
      } catch (error) {
        if (error instanceof FileStoreUnavailableError) throw new UnavailableError(STORAGE_DOWN, { cause: error });
        throw error;
      }
      const attachment = { attachmentId: crypto.randomUUID(), filename: cleanFilename(part.filename, EXTENSION[contentType]), contentType, size: stored.size, sha256: stored.sha256 };
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: attachUpdate,
        args: { attachment, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return h.response({ ...attachment, position: view.position }).code(201);
    },
  },
};

export const removeAttachmentRoute: ServerRoute<{ Params: { recordId: string; attachmentId: string } }> = {
  method: 'DELETE',
  path: '/credit-records/{recordId}/attachments/{attachmentId}',
  options: {
    description: 'Remove evidence from my record',
    notes: 'While the record is a draft or was rejected (409 otherwise).',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person'] } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required(), attachmentId: Joi.string().guid().required() }) },
    response: { schema: recordSchema },
    handler: async (request) => {
      const { state } = await loadOwnRecord(request, request.params.recordId);
      const metadata = eventMetadata(request);
      const view = await sendCommand(request, {
        workflowId: creditWorkflowId(state.recordId),
        update: detachUpdate,
        args: { attachmentId: request.params.attachmentId, actor: metadata.actor, correlationId: metadata.correlationId },
      });
      return recordBody(view);
    },
  },
};

export const downloadRoute: ServerRoute<{ Params: { recordId: string; attachmentId: string } }> = {
  method: 'GET',
  path: '/credit-records/{recordId}/attachments/{attachmentId}',
  options: {
    description: 'Download a piece of evidence',
    notes: 'For the owner, the unit the record was submitted to, admin and auditors; 404 for anyone else.',
    tags: ['api', 'credits'],
    auth: { access: { scope: ['person', 'unit', 'admin', 'auditor'] } },
    plugins: { jxjy: { audited: true } },
    validate: { params: Joi.object({ recordId: Joi.string().guid().required(), attachmentId: Joi.string().guid().required() }) },
    handler: async (request, h) => {
      await requireApprovedOrg(request);
      const { state } = await loadRecord(request, request.params.recordId);
      if (!mayRead(request.auth.credentials, state)) throw new NotFoundError();
      const attachment = state.attachments.find((a) => a.attachmentId === request.params.attachmentId);
      if (!attachment) throw new NotFoundError();
      const content = await request.server.app.deps.files.get(attachment.sha256);
      if (!content) throw new NotFoundError();
      return h
        .response(Buffer.from(content))
        .type(attachment.contentType)
        .header('Content-Disposition', contentDisposition(attachment.filename))
        .header('Cache-Control', 'private, no-store');
    },
  },
};
