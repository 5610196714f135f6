// Wire types of the BFF's suppliers page (apps/Contracts/Admin/AdminSuppliers.cs, Catalog/SupplierHealth.cs, SyncStatus.cs).

export type RegisteredSupplier = {
  code: string;
  name: string;
  currency: string;
  enabled: boolean;
  reachable: boolean;
  lastFullSyncAt: string | null;
};

export type SupplierHealth = {
  calls: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  circuit: string;
  lastSuccessfulSync: string | null;
  lastSyncError: string | null;
  fillRate: number | null;
  medianSecondsToKey: number | null;
  balance: number | null;
  currency: string;
  lowBalance: boolean;
};

export type AdminSupplier = { supplier: RegisteredSupplier; health: SupplierHealth | null };

export type SyncStatus = {
  supplier: string;
  runId: number;
  full: boolean;
  offers: number;
  running: boolean;
  error: string | null;
  expected: number | null;
};
