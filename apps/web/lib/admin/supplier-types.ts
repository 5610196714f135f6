// Wire types of the BFF's suppliers page (apps/Contracts/Admin/AdminSuppliers.cs, SupplierScores.cs, Catalog/SupplierHealth.cs, SyncStatus.cs).

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

export type SupplierScore = {
  supplier: string;
  purchases: number;
  fillRate: number | null;
  medianSecondsToKey: number | null;
  claims: number;
  claimRate: number | null;
  margin: number | null;
  triedLast: boolean;
};

export type AdminSupplier = { supplier: RegisteredSupplier; health: SupplierHealth | null; score: SupplierScore | null };

export type SyncStatus = {
  supplier: string;
  runId: number;
  full: boolean;
  offers: number;
  running: boolean;
  error: string | null;
  expected: number | null;
};
