// Zod schemas of the login routes (/auth/*) and the officer's own account (/api/v1/account/*).
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../../../contracts/identity.ts';
import { MeRoleGrant } from '../sessions/schema.ts';

// A password longer than the rule is refused by the use case with the rule's message; the schema
// bounds what is read at all.
const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const OfficerLoginBody = z
  .object({
    username: z.string().trim().min(1).max(100),
    password,
    totp: z.string().trim().regex(/^\d{6}$/, { message: '6 chữ số / 6 digits' }).optional(),
  })
  .meta({ id: 'OfficerLogin' });

export const OfficerSession = z
  .object({
    accountId: z.string(),
    username: z.string(),
    fullName: z.string(),
    method: z.string(),
    roles: z.array(MeRoleGrant),
    totpEnrolmentRequired: z.boolean(),
    csrfToken: z.string().describe('Echo in the x-csrf-token header of writes (also in the motcua_csrf cookie)'),
  })
  .meta({ id: 'OfficerSession' });

export const LoginQuery = z.object({
  acr: z.enum(['LoA1', 'LoA2']).optional().describe('Minimum e-ID level (acr_values)'),
  returnTo: z.string().max(1000).optional().describe('Same-origin path to return to, e.g. /thu-tuc/1.001234'),
});

export const LogoutQuery = z.object({
  everywhere: z.enum(['0', '1']).optional().describe('1 (default): also end the session at the identity provider'),
});

export const InvitationAcceptance = z.object({ token: z.string().min(20).max(200), password }).meta({ id: 'InvitationAcceptance' });

export const TotpSetup = z
  .object({
    secret: z.string().describe('Base32 secret, for manual entry'),
    otpauthUrl: z.string(),
    qrDataUrl: z.string().describe('PNG QR code of otpauthUrl as a data: URL'),
  })
  .meta({ id: 'TotpSetup' });

export const TotpConfirmation = z.object({ code: z.string().trim().regex(/^\d{6}$/) }).meta({ id: 'TotpConfirmation' });

export const PasswordChange = z.object({ currentPassword: password, newPassword: password }).meta({ id: 'PasswordChange' });
