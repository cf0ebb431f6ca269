// Where the built-in SSO emulator is mounted: the relying party's default issuer when no real
// provider is configured. Kept apart from the emulator itself (oidc-provider is heavy to load).
export const SSO_EMULATOR_PATH = '/emulators/sso';
