// The GraphQL documents the API tests send, with the fields they read back.

const ASSET_FIELDS = `
  fragment AssetFields on Asset {
    id name kind subtype lifecycle criticality annualRunCost bookValue supportEnd description
    rackUnits powerKw storageTb storageUsedTb vcpu vcpuUsed ramGb ramUsedGb bandwidthMbps bandwidthUsedMbps
    version organisation { code } site { id name } product { id name }
  }`;

const SITE_FIELDS = `
  fragment SiteFields on Site {
    id name kind lifecycle address postcode racks racksUsed powerKw powerUsedKw floorSpaceM2 pue tier leaseEnd
    annualCost description version organisation { code }
  }`;

const LICENCE_FIELDS = `
  fragment LicenceFields on Licence {
    id metric quantityOwned quantityUsed shelfware shortfall unitCost annualCost status notes version
    organisation { code } product { id name } contract { id reference }
  }`;

const CONTRACT_FIELDS = `
  fragment ContractFields on Contract {
    id reference title description supplierName startDate endDate noticePeriodDays noticeDeadline value annualValue
    renewalTerms cpvCode ocid status version organisation { code }
  }`;

const DEPENDENCY_FIELDS = `
  fragment DependencyFields on Dependency { id type description version source { id name } target { id name } }`;

export const CREATE_ASSET = `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { ...AssetFields } } ${ASSET_FIELDS}`;
export const UPDATE_ASSET = `mutation ($id: ID!, $version: Int!, $patch: UpdateAssetPatch!) {
  updateAsset(id: $id, version: $version, patch: $patch) { ...AssetFields } } ${ASSET_FIELDS}`;
export const RETIRE_ASSET = `mutation ($id: ID!, $version: Int!) { retireAsset(id: $id, version: $version) { ...AssetFields } } ${ASSET_FIELDS}`;
export const ASSET = `query ($id: ID!) { asset(id: $id) { ...AssetFields } } ${ASSET_FIELDS}`;

export const CREATE_SITE = `mutation ($input: CreateSiteInput!) { createSite(input: $input) { ...SiteFields } } ${SITE_FIELDS}`;
export const UPDATE_SITE = `mutation ($id: ID!, $version: Int!, $patch: UpdateSitePatch!) {
  updateSite(id: $id, version: $version, patch: $patch) { ...SiteFields } } ${SITE_FIELDS}`;
export const RETIRE_SITE = `mutation ($id: ID!, $version: Int!) { retireSite(id: $id, version: $version) { ...SiteFields } } ${SITE_FIELDS}`;

export const CREATE_DEPENDENCY = `mutation ($input: CreateDependencyInput!) { createDependency(input: $input) { ...DependencyFields } } ${DEPENDENCY_FIELDS}`;
export const UPDATE_DEPENDENCY = `mutation ($id: ID!, $version: Int!, $patch: UpdateDependencyPatch!) {
  updateDependency(id: $id, version: $version, patch: $patch) { ...DependencyFields } } ${DEPENDENCY_FIELDS}`;
export const REMOVE_DEPENDENCY = `mutation ($id: ID!, $version: Int!) { removeDependency(id: $id, version: $version) { ...DependencyFields } } ${DEPENDENCY_FIELDS}`;

export const CREATE_LICENCE = `mutation ($input: CreateLicenceInput!) { createLicence(input: $input) { ...LicenceFields } } ${LICENCE_FIELDS}`;
export const UPDATE_LICENCE = `mutation ($id: ID!, $version: Int!, $patch: UpdateLicencePatch!) {
  updateLicence(id: $id, version: $version, patch: $patch) { ...LicenceFields } } ${LICENCE_FIELDS}`;
export const RETIRE_LICENCE = `mutation ($id: ID!, $version: Int!) { retireLicence(id: $id, version: $version) { ...LicenceFields } } ${LICENCE_FIELDS}`;

export const CREATE_CONTRACT = `mutation ($input: CreateContractInput!) { createContract(input: $input) { ...ContractFields } } ${CONTRACT_FIELDS}`;
export const UPDATE_CONTRACT = `mutation ($id: ID!, $version: Int!, $patch: UpdateContractPatch!) {
  updateContract(id: $id, version: $version, patch: $patch) { ...ContractFields } } ${CONTRACT_FIELDS}`;
export const RETIRE_CONTRACT = `mutation ($id: ID!, $version: Int!) { retireContract(id: $id, version: $version) { ...ContractFields } } ${CONTRACT_FIELDS}`;

export const AUDIT_TRAIL = `query ($entityId: ID!) {
  auditTrail(entityId: $entityId) { id at actor action entityType entityId organisation { code } before after } }`;
