import type { Cloud } from "./organizations/kinds";

type CloudRules = {
  /** Key under `clouds.` in the catalogs. */
  nameKey: string;
  /** Granular delegated admin relationships exist in this cloud. */
  adminRelationships: boolean;
  /** New customer organizations may be created (accepting an invitation can create one). */
  newCustomers: boolean;
  /** The customer agreement acknowledged on acceptance: catalog key for its title, and its link. */
  agreementKey: string;
  agreementUrl: string;
};

/** Every per-cloud rule reads this table (rule 7); there are no scattered cloud ifs. */
export const CLOUD_RULES: Record<Cloud, CloudRules> = {
  global: {
    nameKey: "global",
    adminRelationships: true,
    newCustomers: true,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
  },
  usgov: {
    nameKey: "usgov",
    adminRelationships: false,
    newCustomers: true,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
  },
  germany: {
    nameKey: "germany",
    adminRelationships: true,
    newCustomers: false,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
  },
  china: {
    nameKey: "china",
    adminRelationships: true,
    newCustomers: true,
    agreementKey: "customerAgreementChina",
    agreementUrl: "https://www.21vbluecloud.com/ostpt/",
  },
};
