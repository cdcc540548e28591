import type { Cloud } from "@/db/values/organizations";

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
  /** Companies may apply to become partners here. */
  newPartners: boolean;
  /**
   * The partner agreement an applicant accepts: its text is `partnerAgreements.<key>` in the
   * catalogs, and the version stored with the application says which text it was.
   */
  partnerAgreement: { key: "global" | "china"; version: string; url: string };
  /**
   * Where the cloud gives every tenant its initial domain (contoso.onmicrosoft.com): one label
   * below it is one tenant's, the namespace itself nobody's, like a public suffix (the Public
   * Suffix List does not list these).
   */
  tenantNamespace: string;
};

const MPA = {
  key: "global",
  version: "2026-10",
  url: "https://www.microsoft.com/licensing/docs/view/Microsoft-Partner-Agreement",
} as const;

/** Every per-cloud rule reads this table (rule 7); there are no scattered cloud ifs. */
export const CLOUD_RULES: Record<Cloud, CloudRules> = {
  global: {
    nameKey: "global",
    adminRelationships: true,
    newCustomers: true,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
    newPartners: true,
    partnerAgreement: MPA,
    tenantNamespace: "onmicrosoft.com",
  },
  usgov: {
    nameKey: "usgov",
    adminRelationships: false,
    newCustomers: true,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
    newPartners: true,
    partnerAgreement: MPA,
    tenantNamespace: "onmicrosoft.us",
  },
  germany: {
    nameKey: "germany",
    adminRelationships: true,
    newCustomers: false,
    agreementKey: "customerAgreement",
    agreementUrl: "https://www.microsoft.com/licensing/docs/customeragreement",
    // A closed cloud: it takes no new customers and no new partners.
    newPartners: false,
    partnerAgreement: MPA,
    tenantNamespace: "onmicrosoft.de",
  },
  china: {
    nameKey: "china",
    adminRelationships: true,
    newCustomers: true,
    agreementKey: "customerAgreementChina",
    agreementUrl: "https://www.21vbluecloud.com/ostpt/",
    newPartners: true,
    partnerAgreement: { key: "china", version: "2026-07", url: "https://www.21vbluecloud.com/ostpt/" },
    tenantNamespace: "partner.onmschina.cn",
  },
};
