[assembly: AssemblyFixture(typeof(Gongjian.Testing.AzuriteFixture))]
