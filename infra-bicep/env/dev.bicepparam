using '../main.bicep'

param environmentName = 'dev'
param storageSku = 'Standard_LRS'
param maximumInstanceCount = 10
param instanceMemoryMB = 2048
param alwaysReadyHttpInstances = 0
param botSku = 'F0'
param openAiCapacity = 10
param logDailyQuotaGb = 1
// Dev vaults are torn down and recreated; purge protection would block reusing the name.
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionInDays = 7
// Who may set the WeChat secrets (see docs/DEPLOY.md); empty grants nobody.
param operatorPrincipalId = readEnvironmentVariable('GONGJIAN_OPERATOR_ID', '')
param operatorPrincipalType = readEnvironmentVariable('GONGJIAN_OPERATOR_TYPE', 'User')
