// Data and Functions-runtime storage in one account, reachable only with Entra ID tokens.

@description('Globally unique storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the storage account.')
param location string

@description('Tags applied to the storage account.')
param tags object

@description('Storage redundancy SKU, e.g. Standard_LRS for dev, Standard_ZRS for prod.')
param skuName string

@description('Blob container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string

@description('Resource id of the app identity; role assignment names derive from it because it is known before deployment.')
param appIdentityId string

@description('Principal id of the app identity that gets data-plane roles on this account.')
param appPrincipalId string

// Every table, queue (with its <queue>-poison queue) and container the app uses: the app does not create
// them when it starts (cold start), the deployment does. Keep in step with StorageResources in
// functions/Gongjian.Functions/Storage/StorageResources.cs (a test checks); locally the `setup` verb creates them.
var tableNames = [
  'orders'
  'orderindex'
  'directory'
  'keys'
  'showcases'
  'photouploads'
  'idempotency'
  'contactviews'
  'staffnotices'
  'wishes'
  'wishindex'
  'botconversations'
  'botstate'
  'botlinks'
  'botdeliveries'
  'projects'
  'projectindex'
  'records'
  'needs'
  'needindex'
  'resources'
  'resourceindex'
  'unitreports'
  'unitreportindex'
  'persons'
  'personindex'
  'teams'
  'activities'
  'activityindex'
  'bookings'
  'bookingindex'
  'ordertallies'
  'grids'
  'gridcheckins'
  'gridreports'
  'gridreportindex'
  'deliberations'
  'deliberationindex'
  'deliberationlinks'
  'botwechat'
  'evalschemes'
  'evalmanual'
  'evalresults'
  'evalexports'
]
var queueNames = [
  'order-timers'
  'notifications'
  'wish-timers'
  'project-timers'
  'activity-timers'
  'booking-timers'
  'deliberation-timers'
  'order-timers-poison'
  'notifications-poison'
  'wish-timers-poison'
  'project-timers-poison'
  'activity-timers-poison'
  'booking-timers-poison'
  'deliberation-timers-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource photos 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'photos'
  properties: {
    publicAccess: 'None'
  }
}

// Blob leases and last-run records of the app's own timer host (standalone hosting; the Functions host uses its own).
resource locks 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: 'locks'
  properties: {
    publicAccess: 'None'
  }
}

resource deployments 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Owner rather than Contributor on blobs: the Functions host takes blob leases for
// timer singletons and the Flex plan reads the deployment package with this identity.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, appIdentityId, 'Storage Blob Data Owner')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource queueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, appIdentityId, 'Storage Queue Data Contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, appIdentityId, 'Storage Table Data Contributor')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deployments.name}'
