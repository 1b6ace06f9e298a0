using '../main.bicep'

param environmentName = 'prod'
param storageSku = 'Standard_ZRS'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
// One always-ready instance would take cold starts off the chat path (the Bot Connector
// waits about 15 s for the endpoint) but is billed around the clock; 0 keeps idle cost ~0.
param alwaysReadyHttpInstances = 0
param botSku = 'F0'
param openAiCapacity = 30
param logRetentionInDays = 90
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionInDays = 90
param operatorPrincipalId = readEnvironmentVariable('GONGJIAN_OPERATOR_ID', '')
param operatorPrincipalType = readEnvironmentVariable('GONGJIAN_OPERATOR_TYPE', 'User')
// Front Door Standard with the rate-limiting WAF (about US$35 a month plus requests; docs/DEPLOY.md).
param enableFrontDoor = true
