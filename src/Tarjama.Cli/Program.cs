using Tarjama.Cli;

var parse = CliRoot.Create().Parse(args);
return parse.Errors.Count > 0 ? ParseErrors.Report(parse, Console.Error) : parse.Invoke();
