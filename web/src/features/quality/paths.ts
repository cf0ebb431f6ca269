// The pages' paths (apart from routes.tsx so that pages link to each other without a cycle).
export const QUALITY_PATHS = { month: '/danh-gia-chat-luong', unit: '/danh-gia-chat-luong/:unitId', live: '/can-bo/chat-luong', reconciliation: '/can-bo/chat-luong/doi-soat' } as const;
export const unitPath = (unitId: string, month: string) => `/danh-gia-chat-luong/${encodeURIComponent(unitId)}?thang=${encodeURIComponent(month)}`;
