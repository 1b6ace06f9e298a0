using '../main.bicep'

// Azure operated by 21Vianet (the China cloud): deploy with `az cloud set --name AzureChinaCloud`
// into a resource group in a mainland region (China North 3 is the default here), so residents'
// data is stored and processed in mainland China. docs/DEPLOY.md, "China", says why each choice.
param environmentName = 'prod'
param storageSku = 'Standard_LRS'
// Flex Consumption is not offered where this template could verify it; an always-on App Service
// plan runs the same package (and has no cold start).
param hostingPlan = 'Dedicated'
param dedicatedPlanSku = 'P0v3'
// The offline understanding needs no model; enable after confirming a model in the region.
param enableOpenAi = false
// Web Chat uses the app's own Direct Line; WeChat and WeCom reach the app directly.
param enableBotService = false
// Azure Front Door is a global service, not offered in Azure operated by 21Vianet.
param enableFrontDoor = false
param logRetentionInDays = 90
param logDailyQuotaGb = 5
param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionInDays = 90
param operatorPrincipalId = readEnvironmentVariable('GONGJIAN_OPERATOR_ID', '')
param operatorPrincipalType = readEnvironmentVariable('GONGJIAN_OPERATOR_TYPE', 'User')
