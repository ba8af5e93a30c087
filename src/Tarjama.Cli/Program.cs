Console.WriteLine("tarjama");
