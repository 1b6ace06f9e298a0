// Gongjian: everything one environment needs, in one resource group. All modules are local
// (the public module registry is unreachable from the build machines).
targetScope = 'resourceGroup'

@description('Short product prefix used in every resource name: lowercase letters and digits, 2-10 characters.')
@minLength(2)
@maxLength(10)
param namePrefix string = 'gongjian'

@description('Environment name; part of every resource name and tagged on every resource.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region of all regional resources; defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Region of the Azure OpenAI account, which may differ because model availability varies by region.')
param openAiLocation string = location

@description('Extra tags added to every resource.')
param tags object = {}

@description('Storage redundancy: Standard_LRS is cheapest, Standard_ZRS survives a zone outage.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('FlexConsumption (global Azure: scales to zero, billed per use) or Dedicated (an App Service plan, always on: for clouds or regions without Flex Consumption, such as Azure operated by 21Vianet; see docs/DEPLOY.md).')
@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string = 'FlexConsumption'

@description('SKU of the Dedicated plan: B1 (basic, no zone redundancy), P0v3 or P1v3 (premium v3).')
@allowed([
  'B1'
  'P0v3'
  'P1v3'
])
param dedicatedPlanSku string = 'P0v3'

@description('Deploy Azure OpenAI for understanding residents\' messages. Without it the app understands offline (docs/UNDERSTANDING.md) and no message text leaves the app.')
param enableOpenAi bool = true

@description('Deploy an Azure Bot resource (Bot Framework channels). Web Chat uses the app\'s own Direct Line and WeChat/WeCom their own endpoints, so a deployment can do without it.')
param enableBotService bool = true

@description('Upper bound of instances the Flex Consumption plan may scale out to (caps cost under load).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per Flex Consumption instance in MB; also sets the CPU share and the per-second price.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Always-ready instances for HTTP triggers; 0 scales to zero at idle, each one is billed around the clock.')
@minValue(0)
param alwaysReadyHttpInstances int = 0

@description('Azure Bot pricing tier: F0 is free; S1 bills premium-channel messages.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Azure OpenAI model name.')
param openAiModelName string = 'gpt-4o-mini'

@description('Azure OpenAI model version.')
param openAiModelVersion string = '2024-07-18'

@description('Name of the model deployment; reaches the app as Understanding__OpenAI__Deployment.')
param openAiDeploymentName string = 'chat'

@description('Azure OpenAI deployment SKU: GlobalStandard (pay per token, routed globally) or Standard (regional).')
@allowed([
  'GlobalStandard'
  'Standard'
  'DataZoneStandard'
])
param openAiDeploymentSku string = 'GlobalStandard'

@description('Azure OpenAI rate limit in thousands of tokens per minute; not billed by itself.')
@minValue(1)
param openAiCapacity int = 10

@description('Days Log Analytics keeps logs; 30 are included in the ingestion price.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Daily log ingestion cap in GB to bound cost; -1 means no cap.')
param logDailyQuotaGb int = 1

@description('Days a deleted Key Vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Key Vault purge protection; once enabled it cannot be disabled, and the vault name stays taken until retention ends.')
param keyVaultPurgeProtection bool = true

@description('Put Azure Front Door Standard with a rate-limiting WAF in front of the app (about US$35 a month plus requests; see docs/DEPLOY.md). The app then admits only Front Door and the Bot Service.')
param enableFrontDoor bool = false

@description('Front Door WAF: POST requests one client address may send per minute.')
@minValue(10)
param edgeWriteLimitPerMinute int = 300

@description('Front Door WAF: requests of any kind one client address may send per minute (an open Web Chat polls about once a second).')
@minValue(100)
param edgeRequestLimitPerMinute int = 5000

@description('Object id of the operator (user or group) who sets Key Vault secrets; empty grants nobody.')
param operatorPrincipalId string = ''

@description('Principal type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var prefix = toLower(namePrefix)
var suffix = uniqueString(resourceGroup().id, prefix, environmentName)
var baseName = '${prefix}-${environmentName}'
var names = {
  identity: 'id-${baseName}'
  storage: take('st${prefix}${environmentName}${suffix}', 24)
  workspace: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  keyVault: take('kv${prefix}${environmentName}${suffix}', 24)
  openAi: 'oai-${baseName}-${suffix}'
  plan: 'plan-${baseName}'
  functionApp: 'func-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
  frontDoor: 'afd-${baseName}'
  frontDoorEndpoint: 'gongjian-${environmentName}-${take(suffix, 6)}'
  wafPolicy: 'waf${prefix}${environmentName}'
}
var allTags = union({ application: 'gongjian', environment: environmentName }, tags)
var weChatSecretNames = {
  token: 'wechat-token'
  encodingAesKey: 'wechat-encoding-aes-key'
  appId: 'wechat-app-id'
  appSecret: 'wechat-app-secret'
}
// The WeCom self-built app for liaisons (issue 15, /api/wecom; docs/DEPLOY.md): all five set, or the channel stays off.
var weComSecretNames = {
  corpId: 'wecom-corp-id'
  agentId: 'wecom-agent-id'
  secret: 'wecom-secret'
  token: 'wecom-token'
  encodingAesKey: 'wecom-encoding-aes-key'
}

// The app's only credential: storage, Key Vault references, Azure OpenAI and the Bot
// Connector all accept it, so there are no storage keys, API keys or bot passwords.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
  tags: allTags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: allTags
    skuName: storageSku
    deploymentContainerName: 'deployments'
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
    dailyQuotaGb: logDailyQuotaGb
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    name: names.keyVault
    location: location
    tags: allTags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: keyVaultPurgeProtection
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module openAi 'modules/openai.bicep' = if (enableOpenAi) {
  name: 'openAi'
  params: {
    name: names.openAi
    location: openAiLocation
    tags: allTags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    appIdentityId: identity.id
    appPrincipalId: identity.properties.principalId
  }
}

// Created before the app because the app admits only this profile (its X-Azure-FDID); the
// endpoint, route and WAF policy come after the app, which is their origin.
resource frontDoorProfile 'Microsoft.Cdn/profiles@2024-02-01' = if (enableFrontDoor) {
  name: names.frontDoor
  location: 'global'
  tags: allTags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

// Takes its inputs from the modules above, so it starts only after their role assignments
// exist and the host's first start can already reach storage, Key Vault and OpenAI.
module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  params: {
    name: names.functionApp
    planName: names.plan
    hostingPlan: hostingPlan
    dedicatedPlanSku: dedicatedPlanSku
    location: location
    tags: allTags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultUri: keyVault.outputs.uri
    weChatSecretNames: weChatSecretNames
    weComSecretNames: weComSecretNames
    openAiEndpoint: enableOpenAi ? openAi!.outputs.endpoint : ''
    openAiDeploymentName: enableOpenAi ? openAi!.outputs.deploymentName : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    frontDoorId: enableFrontDoor ? frontDoorProfile!.properties.frontDoorId : ''
  }
}

module frontDoor 'modules/frontdoor.bicep' = if (enableFrontDoor) {
  name: 'frontDoor'
  params: {
    profileName: frontDoorProfile.name
    endpointName: names.frontDoorEndpoint
    wafPolicyName: names.wafPolicy
    tags: allTags
    appHostName: functionApp.outputs.defaultHostName
    writeLimitPerMinute: edgeWriteLimitPerMinute
    requestLimitPerMinute: edgeRequestLimitPerMinute
  }
}

module bot 'modules/bot.bicep' = if (enableBotService) {
  name: 'bot'
  params: {
    name: names.bot
    tags: allTags
    sku: botSku
    endpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: tenant().tenantId
  }
}

@description('Base URL of the function app.')
output appUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Base URL residents and Web Chat use: the Front Door endpoint when enabled, else the app itself.')
output publicUrl string = enableFrontDoor ? 'https://${frontDoor!.outputs.hostName}' : 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the function app, for az functionapp commands.')
output functionAppName string = functionApp.outputs.name

@description('Messaging endpoint registered with the Azure Bot (empty without one).')
output botEndpoint string = enableBotService ? bot!.outputs.endpoint : ''

@description('Name of the Azure Bot resource (empty without one).')
output botName string = enableBotService ? bot!.outputs.name : ''

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Name of the Key Vault that holds the person-key secret and the WeChat settings.')
output keyVaultName string = keyVault.outputs.name

@description('Key Vault entry names the operator fills in (names only, never values).')
output weChatKeyVaultEntryNames object = weChatSecretNames

@description('Key Vault entry names of the WeCom app the operator fills in (names only, never values).')
output weComKeyVaultEntryNames object = weComSecretNames

@description('Azure OpenAI endpoint (empty without one).')
output openAiEndpoint string = enableOpenAi ? openAi!.outputs.endpoint : ''

@description('Client id of the app identity (also the bot\'s Microsoft App ID).')
output identityClientId string = identity.properties.clientId

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName
